namespace Scanner.Tests.Support.Launcher;

/// <summary>One process of the system: which project's build output runs, with which environment, healthy when
/// <see cref="Health"/> answers 200.</summary>
public sealed record ProcessDefinition(string Name, string Project, IReadOnlyDictionary<string, string> Environment, Uri Health);
