namespace Scanner.Layouts;

/// <summary>
/// One user's saved page layouts (key = the user name, <c>anonymous</c> when auth is off): an opaque JSON object the
/// page owns, persisted so it follows the user to another browser. Both calls refuse what <see cref="UserLayouts"/>
/// refuses, so no caller can store a value the gateway would not accept.
/// </summary>
public interface IUserLayoutsGrain : IGrainWithStringKey
{
    /// <summary>The saved layouts as UTF-8 JSON, or null before the first save.</summary>
    Task<byte[]?> Get();

    /// <summary>Replaces the saved layouts; throws <see cref="ArgumentException"/> for a value <see cref="UserLayouts.Check"/> refuses.</summary>
    Task Save(byte[] layouts);
}
