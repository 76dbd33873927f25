using System.Text;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// Makes the broker's discards visible: consumes the dead-letter queue of one prefix, counts each message by the
/// reason it died (<c>expired</c>, <c>rejected</c>, <c>maxlen</c>) against the provider owning its original queue,
/// and acks it. One per silo, broker and prefix; it re-opens its channel whenever the connection comes back.
/// </summary>
internal sealed partial class DeadLetterMonitor : IAsyncDisposable
{
    private static readonly TimeSpan CheckPeriod = TimeSpan.FromSeconds(1);

    private readonly RabbitMqConnection _connection;
    private readonly RabbitMqTopology _topology;
    private readonly RabbitMqStreamStatusBoard _statusBoard;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private IChannel? _channel;

    public DeadLetterMonitor(RabbitMqConnection connection, RabbitMqTopology topology, RabbitMqStreamStatusBoard statusBoard, ILogger logger)
    {
        _connection = connection;
        _topology = topology;
        _statusBoard = statusBoard;
        _logger = logger;
        _loop = Task.Run(KeepConsumingAsync);
    }

    private async Task KeepConsumingAsync()
    {
        using var timer = new PeriodicTimer(CheckPeriod);
        do
        {
            if (_channel is { IsOpen: true } || _connection.Current is not { } connection) continue;
            try
            {
                if (_channel is { } old) await old.DisposeAsync().ConfigureAwait(false);
                _channel = null;
                var channel = await connection.CreateChannelAsync(cancellationToken: _stopping.Token).ConfigureAwait(false);
                await _topology.DeclareDeadLetterAsync(channel, _stopping.Token).ConfigureAwait(false);
                await channel.BasicQosAsync(0, 200, false, _stopping.Token).ConfigureAwait(false);
                var consumer = new AsyncEventingBasicConsumer(channel);
                consumer.ReceivedAsync += OnDeadLetterAsync;
                await channel.BasicConsumeAsync(_topology.DeadLetterQueue, autoAck: false, consumer, _stopping.Token).ConfigureAwait(false);
                _channel = channel;
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogConsumeFailed(_topology.DeadLetterQueue, ex.Message);
            }
        }
        while (await WaitAsync(timer).ConfigureAwait(false));
    }

    private async ValueTask<bool> WaitAsync(PeriodicTimer timer)
    {
        try { return await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false); }
        catch (OperationCanceledException) { return false; }
    }

    private async Task OnDeadLetterAsync(object sender, BasicDeliverEventArgs delivery)
    {
        var headers = delivery.BasicProperties.Headers;
        var reason = HeaderText(headers, "x-first-death-reason") ?? "unknown";
        var queue = HeaderText(headers, "x-first-death-queue") ?? "";
        _statusBoard.FindByQueue(queue, _topology.Prefix)?.RecordDeadLettered(reason);
        LogDeadLettered(queue, reason);
        try
        {
            await ((AsyncEventingBasicConsumer)sender).Channel.BasicAckAsync(delivery.DeliveryTag, multiple: false).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogAckFailed(_topology.DeadLetterQueue, ex.Message);
        }
    }

    private static string? HeaderText(IDictionary<string, object?>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value)
            ? value switch { byte[] bytes => Encoding.UTF8.GetString(bytes), string text => text, _ => null }
            : null;

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        if (_channel is { } channel)
        {
            try { await channel.CloseAsync().ConfigureAwait(false); } catch (Exception ex) { LogAckFailed(_topology.DeadLetterQueue, ex.Message); }
            await channel.DisposeAsync().ConfigureAwait(false);
        }
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot consume dead-letter queue {Queue}: {Reason}; retrying")]
    private partial void LogConsumeFailed(string queue, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dead-letter queue: message of {Queue} dead-lettered ({Reason})")]
    private partial void LogDeadLettered(string queue, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dead-letter queue {Queue}: ack or close failed: {Reason}")]
    private partial void LogAckFailed(string queue, string reason);
}
