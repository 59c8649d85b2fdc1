using System.Globalization;
using Microsoft.SemanticKernel;
using Summaries.Contracts.Summary.V1;
using Summaries.Summary.Llm;
using Summaries.Summary.Writing;

namespace Summaries.Evaluation.Briefings;

/// <summary>
/// <c>prompt</c>: the size of the LLM prompt for an article, built exactly as the summary service
/// builds it (no model is called): article tokens, fact-sheet tokens and their ratio, and the
/// fixed instruction tokens (system prompt plus the user template around the sheet).
/// </summary>
internal static class PromptCommand
{
    public static int Run(CommandLine command, TextWriter output)
    {
        var path = command.RequiredPositional(0, "<article-text-file>");
        var length = BriefingPipeline.ParseLength(command.Option("length") ?? "medium");
        var options = new LlmOptions { Provider = LlmProvider.OpenAI, Model = "any", PromptDirectory = PromptDirectory() };
        var writer = new LlmBriefingWriter(Kernel.CreateBuilder().Build(), PromptLibrary.Load(options), options);
        var pipeline = new BriefingPipeline();
        var body = File.ReadAllText(path);
        var sheet = pipeline.Sheet([pipeline.Source("articles/prompt", Path.GetFileNameWithoutExtension(path), body)]);

        var (factSheet, user) = writer.BuildPromptAsync(sheet, WritingRequest.For(length)).GetAwaiter().GetResult();
        var tokens = new TokenCounter();
        var articleTokens = tokens.Count(body);
        var sheetTokens = tokens.Count(factSheet.Text);
        var instructions = tokens.Count(PromptLibrary.Load(options).System) + tokens.Count(user) - sheetTokens;
        output.WriteLine(factSheet.Text);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"prompt article_tokens={articleTokens} fact_sheet_tokens={sheetTokens} ratio={(double)sheetTokens / articleTokens:F3} instruction_tokens={instructions}"));
        return 0;
    }

    private static string PromptDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Summaries.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? ".", "services", "Summaries.Summary", "Prompts");
    }
}
