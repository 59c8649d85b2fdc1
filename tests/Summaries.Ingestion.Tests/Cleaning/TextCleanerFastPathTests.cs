using System.Text;
using Summaries.Ingestion.Cleaning;
using Summaries.Ingestion.Tests.Infrastructure;

namespace Summaries.Ingestion.Tests.Cleaning;

/// <summary>Lines copied whole (the fast path) give exactly what the character-by-character path gives.</summary>
public sealed class TextCleanerFastPathTests
{
    // Words, and what may sit between or inside them: odd spaces, format characters, accents to
    // compose, a surrogate pair, line breaks of every kind, and lines that cleaning drops.
    private static readonly string[] Pieces =
    [
        "word", "Beijing", "“quoted,”", "café", "naïve", "Straße", "über", "東京", "😀", "e\u0301", "A\u030A", "\u1100\u1161",
        " ", " ", " ", "  ", "\t", "\u00A0", "\u2003", "\u200B", "\u00AD", "\uFEFF", "\u2060",
        "\n", "\n\n", "\r\n", "\r", "\u0085", "\u2028", "\u2029",
        "\nAdvertisement\n", "\nMr Xi met Mr Blinken (Pool via AP)\n", "\nHome > News > World\n", "\n© 2024 Example News. All rights reserved.\n",
    ];

    [Fact]
    public void Clean_SeedArticles_SameAsCharacterPath()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "*.txt"))
        {
            var text = File.ReadAllText(file);
            Assert.Equal(TextCleaner.Clean(text, lineFastPath: false), TextCleaner.Clean(text, lineFastPath: true));
        }

        Assert.Equal(TextCleaner.Clean(SeedTexts.EditedBlinken, lineFastPath: false), TextCleaner.Clean(SeedTexts.EditedBlinken, lineFastPath: true));
    }

    [Fact]
    public void Clean_RandomNoisyTexts_SameAsCharacterPath()
    {
        var random = new Random(4242);
        for (var i = 0; i < 2_000; i++)
        {
            var text = new StringBuilder();
            for (var p = random.Next(0, 40); p > 0; p--)
            {
                // Mostly plain words and single spaces, as in real articles, so both paths get exercised.
                text.Append(random.Next(3) == 0 ? Pieces[random.Next(Pieces.Length)] : random.Next(2) == 0 ? "plain" : " ");
            }

            var original = text.ToString();
            Assert.Equal(TextCleaner.Clean(original, lineFastPath: false), TextCleaner.Clean(original, lineFastPath: true));
        }
    }
}
