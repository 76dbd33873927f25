using YamlDotNet.RepresentationModel;

namespace Scanner.Tests.Unit.Operations;

/// <summary>Reads YAML files into mappings, and gives terse access to them, for the manifest and rule checks.</summary>
internal static class YamlNodes
{
    /// <summary>The root mapping of every document in <paramref name="file"/>.</summary>
    public static IReadOnlyList<YamlMappingNode> Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(file);
        stream.Load(reader);
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    public static YamlMappingNode Map(this YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    public static YamlSequenceNode Seq(this YamlMappingNode node, string key) => (YamlSequenceNode)node.Children[new YamlScalarNode(key)];

    public static string Str(this YamlMappingNode node, string key) => node.Children[new YamlScalarNode(key)].ToString();

    public static bool Has(this YamlMappingNode node, string key) => node.Children.ContainsKey(new YamlScalarNode(key));
}
