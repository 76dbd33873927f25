namespace Scanner.Layouts;

/// <summary>The persisted layouts of one user: the JSON as the page sent it (UTF-8), null before the first save.</summary>
[GenerateSerializer, Alias("scanner.layouts.state")]
public sealed class UserLayoutsState
{
    [Id(0)] public byte[]? Json { get; set; }
}
