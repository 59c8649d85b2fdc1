using Summaries.Language;

namespace Summaries.Language.Tests;

/// <summary>Shared helpers for annotation tests: the example article and lookups into an annotation.</summary>
internal static class AnnotationTestText
{
    public static string ExampleArticlePath => Path.Combine(AppContext.BaseDirectory, "seeds", "blinken-xi-beijing.txt");

    public static string ReadExampleArticle() => File.ReadAllText(ExampleArticlePath);

    public static EntityInfo Entity(this TextAnnotation annotation, string displayName) =>
        annotation.Entities.SingleOrDefault(e => e.DisplayName == displayName)
        ?? throw new Xunit.Sdk.XunitException(
            $"No entity '{displayName}'. Entities: {string.Join(", ", annotation.Entities.Select(e => $"{e.DisplayName} ({e.Kind})"))}");

    public static QuoteInfo Quote(this TextAnnotation annotation, string startsWith) =>
        annotation.Quotes.FirstOrDefault(q => q.Text.StartsWith(startsWith, StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException(
            $"No quote starting '{startsWith}'. Quotes: {string.Join(" | ", annotation.Quotes.Select(q => q.Text))}");

    public static IEnumerable<string> MentionTexts(this TextAnnotation annotation, string entityKey) =>
        annotation.Mentions.Where(m => m.EntityKey == entityKey).Select(m => m.Text);
}
