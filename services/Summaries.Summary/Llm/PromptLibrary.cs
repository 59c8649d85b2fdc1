namespace Summaries.Summary.Llm;

/// <summary>A versioned pair of prompt files: the system instructions and the user template.</summary>
public sealed record BriefingPrompt(string Version, string System, string UserTemplate)
{
    /// <summary>Fills the user template's {{name}} slots. Values are inserted as they are, never re-parsed.</summary>
    public string RenderUser(IReadOnlyDictionary<string, string> values)
    {
        var text = UserTemplate;
        foreach (var (name, value) in values)
        {
            text = text.Replace("{{" + name + "}}", value, StringComparison.Ordinal);
        }

        return text;
    }
}

/// <summary>Loads prompts from files (Prompts/briefing.{version}.system.md and .user.md).</summary>
public static class PromptLibrary
{
    public static BriefingPrompt Load(LlmOptions options)
    {
        var dir = Path.IsPathRooted(options.PromptDirectory)
            ? options.PromptDirectory
            : Path.Combine(AppContext.BaseDirectory, options.PromptDirectory);
        var system = Path.Combine(dir, $"briefing.{options.PromptVersion}.system.md");
        var user = Path.Combine(dir, $"briefing.{options.PromptVersion}.user.md");
        if (!File.Exists(system) || !File.Exists(user))
        {
            throw new FileNotFoundException($"Prompt files for version '{options.PromptVersion}' were not found in {dir}.");
        }

        return new BriefingPrompt("briefing-" + options.PromptVersion, File.ReadAllText(system), File.ReadAllText(user));
    }
}
