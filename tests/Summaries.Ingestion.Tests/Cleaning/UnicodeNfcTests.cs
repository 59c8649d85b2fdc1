using System.Globalization;
using System.Text;
using Summaries.Ingestion.Cleaning.Unicode;

namespace Summaries.Ingestion.Tests.Cleaning;

public sealed class UnicodeNfcTests
{
    [Fact]
    public void StringNormalize_UnderInvariantGlobalization_DoesNothing()
    {
        // Why UnicodeNfc exists: with InvariantGlobalization=true this returns its input unchanged.
        // If this starts failing, the runtime normalises by itself and UnicodeNfc could go.
        Assert.Equal("e\u0301", "e\u0301".Normalize(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("e\u0301", "\u00E9")]
    [InlineData("Cafe\u0301 au lait", "Caf\u00E9 au lait")]
    [InlineData("\u212B", "\u00C5")] // Angstrom sign: a singleton decomposition
    [InlineData("\u2126", "\u03A9")] // Ohm sign
    [InlineData("a\u0323\u0302", "\u1EAD")] // marks out of canonical order, then composed
    [InlineData("a\u0302\u0323", "\u1EAD")]
    [InlineData("\u1100\u1161\u11A8", "\uAC01")] // Hangul jamo compose algorithmically
    [InlineData("\uFB01", "\uFB01")] // a compatibility ligature is not NFC's business
    [InlineData("plain ASCII", "plain ASCII")]
    public void Normalize_KnownCases(string input, string expected) =>
        Assert.Equal(expected, UnicodeNfc.Normalize(input));

    [Fact]
    public void Normalize_GeneratedVectors_MatchPythonUnicodedata()
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Cleaning", "nfc-vectors.txt")))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(';');
            var (input, expected) = (Decode(parts[0]), Decode(parts[1]));
            count++;
            if (UnicodeNfc.Normalize(input) != expected)
            {
                failures.Add(line);
            }
        }

        Assert.True(count > 5000, $"only {count} vectors read");
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} vectors differ, e.g. {string.Join(" | ", failures.Take(5))}");
    }

    private static string Decode(string hex) =>
        string.Concat(hex.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(h => char.ConvertFromUtf32(int.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture))));
}
