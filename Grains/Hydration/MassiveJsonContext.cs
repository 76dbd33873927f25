using System.Text.Json.Serialization;

namespace Scanner.Hydration;

/// <summary>Source-generated readers of the bulk responses (no reflection, no DOM).</summary>
[JsonSerializable(typeof(GroupedDailyResponse))]
[JsonSerializable(typeof(FloatListingPage))]
internal sealed partial class MassiveJsonContext : JsonSerializerContext;
