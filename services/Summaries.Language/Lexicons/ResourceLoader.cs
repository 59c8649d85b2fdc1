namespace Summaries.Language.Lexicons;

/// <summary>Reads the word lists compiled into this assembly from Annotation/Resources/*.txt.</summary>
internal static class ResourceLoader
{
    private const string Prefix = "Summaries.Language.Resources.";

    /// <summary>The file's entries: trimmed lines, without blank lines and "#" comments.</summary>
    public static IReadOnlyList<string> ReadLines(string fileName)
    {
        var assembly = typeof(ResourceLoader).Assembly;
        // The manifest name follows the root namespace; fall back to the file name so a renamed
        // root namespace does not silently drop a word list.
        var name = Prefix + fileName;
        var stream = assembly.GetManifestResourceStream(name);
        if (stream is null)
        {
            var match = assembly.GetManifestResourceNames()
                .FirstOrDefault(n => n.EndsWith(".Resources." + fileName, StringComparison.Ordinal));
            stream = match is null ? null : assembly.GetManifestResourceStream(match);
        }

        if (stream is null)
        {
            throw new InvalidOperationException($"Annotation resource '{fileName}' is not embedded in {assembly.GetName().Name}.");
        }

        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && !trimmed.StartsWith('#'))
            {
                lines.Add(trimmed);
            }
        }

        return lines;
    }
}
