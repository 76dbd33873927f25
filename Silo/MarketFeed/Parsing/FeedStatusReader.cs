using System.Text.Json;
using Scanner.MarketData;

namespace Scanner.Silo.MarketFeed.Parsing;

/// <summary>Reads a control message (<c>status</c>): status message. Rare, so it may allocate its strings.</summary>
internal static class FeedStatusReader
{
    /// <remarks>A status without its <c>status</c> field is malformed (there is no symbol to miss).</remarks>
    public static EventReadOutcome Read(ref Utf8JsonReader reader, out MarketFeedStatus? status)
    {
        status = null;
        string? state = null;
        var message = string.Empty;
        while (FieldReader.NextProperty(ref reader, out var key))
        {
            var ok = key switch
            {
                PropertyKey.Status => FieldReader.TryReadText(ref reader, out state),
                PropertyKey.Message => FieldReader.TryReadText(ref reader, out message),
                _ => FieldReader.Skip(ref reader),
            };
            if (!ok)
            {
                return EventReadOutcome.Malformed;
            }
        }
        if (state is null)
        {
            return EventReadOutcome.Malformed;
        }
        status = new MarketFeedStatus(state, message);
        return EventReadOutcome.Read;
    }
}
