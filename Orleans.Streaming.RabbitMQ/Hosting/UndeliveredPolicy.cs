namespace Orleans.Streaming.RabbitMQ;

/// <summary>What happens to a delivery holding a container that Orleans finalised without delivering it.</summary>
public enum UndeliveredPolicy
{
    /// <summary>Nack without requeue: the broker dead-letters it and the dead-letter monitor counts it as rejected.</summary>
    DeadLetter,

    /// <summary>Ack it and count the drop locally.</summary>
    Drop,
}
