using System.Text.Json.Serialization;

namespace Scanner.Silo.Control;

/// <summary>What operators want the listener of this silo to do: connect or not, where, and to which channels.</summary>
public sealed record FeedListenerDesiredState(bool Running, [property: JsonIgnore] Uri Url, string[] Subscriptions)
{
    /// <summary>The URL without query or credentials, safe to show and log.</summary>
    [JsonPropertyName("url")]
    public string DisplayUrl => Url.GetLeftPart(UriPartial.Path);
}
