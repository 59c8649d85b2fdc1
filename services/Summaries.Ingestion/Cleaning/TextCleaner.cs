using Summaries.Ingestion.Cleaning.Unicode;

namespace Summaries.Ingestion.Cleaning;

/// <summary>
/// Makes the cleaned body: caption, credit and boilerplate lines dropped; each kept line trimmed, runs
/// of whitespace made one space, invisible format characters (BOM, zero-width space, soft hyphen)
/// dropped, NFC applied; lines joined by "\n", and by "\n\n" where the original had a blank line
/// between them. Every piece is recorded against the original so offsets can be mapped back.
/// </summary>
public static class TextCleaner
{
    public static CleanedText Clean(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        var builder = new SegmentBuilder(original);
        var gapStart = -1;
        var blankSinceLastKept = false;
        foreach (var line in Lines(original))
        {
            var kind = LineClassifier.Classify(original.AsSpan(line.Start, line.Length));
            if (kind != LineKind.Text)
            {
                blankSinceLastKept |= kind == LineKind.Blank;
                continue;
            }

            var (contentStart, contentEnd) = Content(original, line.Start, line.Start + line.Length);
            if (gapStart >= 0)
            {
                // The separator stands for everything between the two kept lines, dropped lines included.
                builder.Replace(gapStart, contentStart - gapStart, blankSinceLastKept ? "\n\n" : "\n");
            }

            AppendLine(builder, original, contentStart, contentEnd);
            gapStart = contentEnd;
            blankSinceLastKept = false;
        }

        return builder.Length == 0 ? CleanedText.Empty : builder.Build();
    }

    /// <summary>Characters that carry no text and are dropped from the cleaned body.</summary>
    public static bool IsRemovedFormatChar(char c) => c is '\uFEFF' or '\u200B' or '\u00AD' or '\u2060';

    private static void AppendLine(SegmentBuilder builder, string original, int start, int end)
    {
        var i = start;
        while (i < end)
        {
            var c = original[i];
            if (char.IsWhiteSpace(c) || IsRemovedFormatChar(c))
            {
                var runStart = i;
                var hasSpace = false;
                while (i < end && (char.IsWhiteSpace(original[i]) || IsRemovedFormatChar(original[i])))
                {
                    hasSpace |= char.IsWhiteSpace(original[i]);
                    i++;
                }

                // Content() trimmed the line, so a run here always has text on both sides.
                if (hasSpace)
                {
                    if (i - runStart == 1 && c == ' ')
                    {
                        builder.Copy(runStart, 1);
                    }
                    else
                    {
                        builder.Replace(runStart, i - runStart, " ");
                    }
                }

                continue;
            }

            var wordStart = i;
            while (i < end && !char.IsWhiteSpace(original[i]) && !IsRemovedFormatChar(original[i]))
            {
                i++;
            }

            AppendWord(builder, original, wordStart, i);
        }
    }

    /// <summary>A run without whitespace: copied as it is unless NFC changes it, then normalised piece by piece between NFC boundaries.</summary>
    private static void AppendWord(SegmentBuilder builder, string original, int start, int end)
    {
        if (UnicodeNfc.IsQuickStable(original.AsSpan(start, end - start)))
        {
            builder.Copy(start, end - start);
            return;
        }

        var chunkStart = start;
        var i = start;
        while (i < end)
        {
            var width = char.IsHighSurrogate(original[i]) && i + 1 < end && char.IsLowSurrogate(original[i + 1]) ? 2 : 1;
            var cp = width == 2 ? char.ConvertToUtf32(original[i], original[i + 1]) : original[i];
            if (i > chunkStart && UnicodeNfc.IsBoundary(cp))
            {
                AppendNormalized(builder, original, chunkStart, i - chunkStart);
                chunkStart = i;
            }

            i += width;
        }

        AppendNormalized(builder, original, chunkStart, end - chunkStart);
    }

    private static void AppendNormalized(SegmentBuilder builder, string original, int start, int length)
    {
        var span = original.AsSpan(start, length);
        if (UnicodeNfc.IsQuickStable(span))
        {
            builder.Copy(start, length);
            return;
        }

        var normalized = UnicodeNfc.Normalize(span);
        if (span.SequenceEqual(normalized))
        {
            builder.Copy(start, length);
        }
        else
        {
            builder.Replace(start, length, normalized);
        }
    }

    private static (int Start, int End) Content(string text, int start, int end)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || IsRemovedFormatChar(text[start])))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || IsRemovedFormatChar(text[end - 1])))
        {
            end--;
        }

        return (start, end);
    }

    /// <summary>Lines of the text, without their terminators (LF, CRLF, CR, NEL, LS, PS).</summary>
    private static IEnumerable<(int Start, int Length)> Lines(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029')
            {
                yield return (start, i - start);
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        yield return (start, text.Length - start);
    }
}
