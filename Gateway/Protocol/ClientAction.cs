namespace Scanner.Gateway.Protocol;

/// <summary>What a client asked for; <see cref="Invalid"/> covers malformed JSON, unknown actions and missing arguments.</summary>
internal enum ClientAction
{
    Invalid,
    Auth,
    Subscribe,
    Unsubscribe,
    Get,
    GetLayouts,
    SaveLayouts,
}
