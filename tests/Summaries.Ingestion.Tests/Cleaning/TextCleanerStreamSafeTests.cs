using System.Diagnostics;
using System.Text;
using Summaries.Ingestion.Cleaning;

namespace Summaries.Ingestion.Tests.Cleaning;

/// <summary>A storm of combining marks costs linear time (UAX #15's stream-safe limit), and cleaning can be cancelled.</summary>
public sealed class TextCleanerStreamSafeTests
{
    // Two classes in turn (230 above, 220 below), so canonical reordering has work on every mark:
    // the hand-written NFC took about 1-4 s on 40,000 of these and minutes on 400,000; ICU alone about 45 s on 400,000.
    private static string Storm(int marks) =>
        "a" + string.Create(marks, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = i % 2 == 0 ? '\u0301' : '\u0316';
            }
        });

    [Fact]
    public void Clean_LetterAndFourHundredThousandMarks_FastAndStreamSafe()
    {
        var original = Storm(400_000);

        var started = Stopwatch.GetTimestamp();
        var cleaned = TextCleaner.Clean(original);
        var elapsed = Stopwatch.GetElapsedTime(started);

        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"cleaning took {elapsed.TotalSeconds:F1} s");
        Assert.True(cleaned.Text.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(Nfc.MaxNonStarters, LongestMarkRun(cleaned.Text));
        // The first acute composes with the "a" (the grave-below before it does not block it); every
        // other mark is kept, with a joiner after every 30 in a row.
        Assert.Equal(original.Length - 1 + ((400_000 - 1) / Nfc.MaxNonStarters), cleaned.Text.Length);
        Assert.StartsWith("\u00E1", cleaned.Text, StringComparison.Ordinal);
        Assert.Equal(original.Length, cleaned.ToOriginal(cleaned.Text.Length));
        Assert.Equal(cleaned.Text, TextCleaner.Clean(cleaned.Text).Text);
    }

    [Fact]
    public void Clean_ThirtyOneMarks_JoinerAfterTheThirtieth()
    {
        var cleaned = TextCleaner.Clean("x" + new string('\u0301', 31));
        Assert.Equal("x" + new string('\u0301', 30) + "\u034F\u0301", cleaned.Text);
    }

    [Fact]
    public void Clean_ThirtyMarks_Unchanged() =>
        Assert.Equal("x" + new string('\u0301', 30), TextCleaner.Clean("x" + new string('\u0301', 30)).Text);

    [Fact]
    public void Clean_StormOnTheFastPathToo_SameAsCharacterPath()
    {
        var original = "Plain words then " + Storm(100) + " and more.";
        Assert.Equal(TextCleaner.Clean(original, lineFastPath: false), TextCleaner.Clean(original, lineFastPath: true));
    }

    [Fact]
    public void Clean_CancelledToken_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => TextCleaner.Clean(Storm(100_000), cancelled.Token));
    }

    private static int LongestMarkRun(string text)
    {
        var (longest, run) = (0, 0);
        foreach (var rune in text.EnumerateRunes())
        {
            run = Nfc.IsCombiningMark(rune) ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
