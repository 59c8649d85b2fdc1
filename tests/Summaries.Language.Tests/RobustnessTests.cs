using System.Diagnostics;
using System.Text;
using Summaries.Language;

namespace Summaries.Language.Tests;

/// <summary>The annotator on real news it was not written against: no exceptions, valid spans, bounded time.</summary>
public sealed class RobustnessTests
{
    private static readonly string PolnearDev = SharedData("polnear/polnear_dev/text");

    /// <summary>The shared development data: beside the repository (as CI lays it out), else /work/shared.</summary>
    private static string SharedData(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Summaries.sln")))
        {
            dir = dir.Parent;
        }

        var beside = dir?.Parent is { } parent ? Path.Combine(parent.FullName, "shared", "data", relative) : null;
        return beside is not null && Path.Exists(beside) ? beside : Path.Combine("/work/shared/data", relative);
    }


    private readonly RuleBasedAnnotator annotator = new();

    [SkippableFact]
    public void Annotate_PolnearDevArticles_AllSpansMatchTextWithinTimeBudget()
    {
        Skip.IfNot(Directory.Exists(PolnearDev), $"PolNeAR dev texts not found at {PolnearDev}; robustness run skipped.");
        var files = Directory.GetFiles(PolnearDev, "*.txt");
        Skip.If(files.Length == 0, $"No .txt files in {PolnearDev}.");

        var watch = Stopwatch.StartNew();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var annotation = annotator.Annotate(text, Path.GetFileNameWithoutExtension(file));
            AssertSpansValid(text, annotation, Path.GetFileName(file));
        }

        watch.Stop();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"{files.Length} articles took {watch.Elapsed}.");
    }

    [Fact]
    public void Annotate_FiveThousandWordArticle_TakesWellUnderOneHundredMilliseconds()
    {
        var text = LongArticle(5000);
        annotator.Annotate(text);

        var best = TimeSpan.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var watch = Stopwatch.StartNew();
            var annotation = annotator.Annotate(text);
            watch.Stop();
            best = watch.Elapsed < best ? watch.Elapsed : best;
            Assert.NotEmpty(annotation.Entities);
        }

        Assert.True(best < TimeSpan.FromMilliseconds(100), $"5,000 words took {best.TotalMilliseconds:F1} ms.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("“")]
    [InlineData("” ’ ' \" “ ‘")]
    [InlineData("Mr.")]
    [InlineData("...")]
    [InlineData("said")]
    [InlineData("according to")]
    [InlineData("“Unclosed quote by Mr Xi")]
    [InlineData("China’s ministry of")]
    [InlineData("Mr Xi, the")]
    [InlineData("A-B-C- -D")]
    [InlineData("Ünïcödé Straße — café’s “naïve” résumé 😀 said Zoë.")]
    public void Annotate_DegenerateInput_DoesNotThrowAndKeepsSpansValid(string text)
    {
        var annotation = annotator.Annotate(text);

        AssertSpansValid(text, annotation, "inline");
    }

    private static void AssertSpansValid(string text, TextAnnotation annotation, string name)
    {
        foreach (var s in annotation.Sentences)
        {
            Assert.True(s.Start >= 0 && s.End <= text.Length && s.Start < s.End, $"{name}: sentence {s.Index}");
        }

        foreach (var m in annotation.Mentions)
        {
            Assert.True(m.Start >= 0 && m.End <= text.Length && m.Start < m.End, $"{name}: mention {m.Text}");
            Assert.Equal(text[m.Start..m.End], m.Text);
            Assert.Contains(annotation.Entities, e => e.Key == m.EntityKey);
        }

        foreach (var q in annotation.Quotes)
        {
            Assert.True(q.Start >= 0 && q.End <= text.Length && q.Start < q.End, $"{name}: quote {q.Text}");
            Assert.Equal(text[q.Start..q.End], q.Text);
            if (q.SpeakerStart >= 0)
            {
                Assert.Equal(text[q.SpeakerStart..q.SpeakerEnd], q.SpeakerText);
            }
        }

        foreach (var role in annotation.Entities.SelectMany(e => e.Roles))
        {
            Assert.Equal(text[role.Start..role.End], role.Text);
        }
    }

    /// <summary>The example article's paragraphs repeated with varied names until the text has the given number of words.</summary>
    private static string LongArticle(int words)
    {
        var paragraphs = AnnotationTestText.ReadExampleArticle().Split("\n\n");
        var builder = new StringBuilder();
        var count = 0;
        for (var i = 0; count < words; i++)
        {
            var paragraph = paragraphs[i % paragraphs.Length].Replace("Blinken", "Blinken" + (i / paragraphs.Length), StringComparison.Ordinal);
            builder.Append(paragraph).Append("\n\n");
            count += paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        }

        return builder.ToString();
    }
}
