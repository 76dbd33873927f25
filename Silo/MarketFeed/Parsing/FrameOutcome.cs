namespace Scanner.Silo.MarketFeed.Parsing;

/// <summary>How a whole frame fared. Skipped events inside a well-formed frame do not make it malformed.</summary>
public enum FrameOutcome : byte
{
    /// <summary>A JSON array, read to its end (some of its events may still have been skipped).</summary>
    Parsed,
    /// <summary>Valid JSON, but not an array (for example a lone object).</summary>
    NotAnArray,
    /// <summary>Empty, truncated or not JSON. Events complete before the error are kept.</summary>
    InvalidJson,
}
