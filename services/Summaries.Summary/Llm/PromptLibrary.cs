using System.Globalization;
using Microsoft.SemanticKernel;

namespace Summaries.Summary.Llm;

/// <summary>
/// A versioned pair of prompt files: the system instructions and the user template, which Semantic
/// Kernel's template engine renders (<c>{{$target_sentences}}</c>, <c>{{$fact_sheet}}</c>).
/// </summary>
public sealed record BriefingPrompt(string Version, string System, string UserTemplate)
{
    private readonly IPromptTemplate _user = new KernelPromptTemplateFactory().Create(new PromptTemplateConfig(UserTemplate)
    {
        InputVariables =
        [
            new InputVariable { Name = "target_sentences", IsRequired = true },
            // The template is parsed once, so a value is never read as template syntax. SK would still
            // HTML-encode it (quotes become &quot;) to protect its <message> chat-prompt parser; the
            // rendered text is only ever one user message's content, never parsed as a chat prompt,
            // and the model must see the articles' own characters, so the sheet goes in as it is.
            new InputVariable { Name = "fact_sheet", IsRequired = true, AllowDangerouslySetContent = true },
        ],
    });

    /// <summary>The user message: the template with the target length and the fact sheet, inserted verbatim.</summary>
    public Task<string> RenderUserAsync(Kernel kernel, int targetSentences, string factSheet, CancellationToken cancellationToken) =>
        _user.RenderAsync(kernel, new KernelArguments
        {
            ["target_sentences"] = targetSentences.ToString(CultureInfo.InvariantCulture),
            ["fact_sheet"] = factSheet,
        }, cancellationToken);
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
