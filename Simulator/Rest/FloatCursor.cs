using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Scanner.Simulator.Rest;

/// <summary>
/// The opaque <c>cursor</c> of the float listing's <c>next_url</c>, as Massive's: it carries the page size and the
/// last ticker sent (base64url of <c>{limit}:{ticker}</c>), so the next page needs nothing else.
/// </summary>
public static class FloatCursor
{
    public static string Write(int limit, string lastTicker) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{limit}:{lastTicker}")));

    public static bool TryRead(string cursor, out int limit, out string lastTicker)
    {
        (limit, lastTicker) = (0, "");
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !int.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out limit))
            {
                return false;
            }
            lastTicker = text[(colon + 1)..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
