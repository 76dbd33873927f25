using System.Text;
using Scanner.Tests.Support.Launcher;

namespace Scanner.Launcher;

/// <summary>Where a started system's processes are, as shell assignments (<c>source</c> them in a script).</summary>
internal static class SystemEndpoints
{
    public static string Describe(ScannerSystem system)
    {
        var text = new StringBuilder();
        text.AppendLine($"SYSTEM_RUN_DIR={system.RunDirectory}");
        text.AppendLine($"SYSTEM_CLUSTER_ID={system.Layout.ClusterId}");
        foreach (var process in system.Processes)
        {
            var name = process.Name.ToUpperInvariant();
            text.AppendLine($"SYSTEM_{name}_PID={process.Id}");
            text.AppendLine($"SYSTEM_{name}_URL={new Uri(process.Definition.Health, "/")}");
        }
        return text.ToString();
    }
}
