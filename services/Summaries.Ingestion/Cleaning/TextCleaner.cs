using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace Summaries.Ingestion.Cleaning;

/// <summary>
/// Makes the cleaned body: caption, credit and boilerplate lines dropped; each kept line trimmed, runs
/// of whitespace made one space, invisible format characters (BOM, zero-width space, soft hyphen)
/// dropped, NFC applied (after UAX #15's stream-safe limit: a grapheme joiner after every 30 combining
/// marks in a row, so a storm of marks costs linear time); lines joined by "\n", and by "\n\n" where the original had a blank line
/// between them. Every piece is recorded against the original so offsets can be mapped back.
/// </summary>
public static class TextCleaner
{
    public static CleanedText Clean(string original) => Clean(original, lineFastPath: true, CancellationToken.None);

    /// <summary>Cleans <paramref name="original"/>, checking <paramref name="cancellationToken"/> as it goes (bodies reach a million characters).</summary>
    public static CleanedText Clean(string original, CancellationToken cancellationToken) => Clean(original, lineFastPath: true, cancellationToken);

    // Optimised at the first call rather than tiered: on a busy 2-CPU machine the tiering JIT reached
    // these loops only after thousands of articles had run through their unoptimised code.
    /// <summary>
    /// <paramref name="lineFastPath"/> false runs every line through the character-by-character path;
    /// tests compare both to show the fast path changes nothing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static CleanedText Clean(string original, bool lineFastPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(original);
        var builder = new SegmentBuilder(original);
        var gapStart = -1;
        var blankSinceLastKept = false;
        var start = 0;
        while (start <= original.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var length = original.AsSpan(start).IndexOfAny(LineBreaks);
            var end = length < 0 ? original.Length : start + length;
            var kind = LineClassifier.Classify(original.AsSpan(start, end - start));
            if (kind == LineKind.Text)
            {
                var (contentStart, contentEnd) = Content(original, start, end);
                if (gapStart >= 0)
                {
                    // The separator stands for everything between the two kept lines, dropped lines included.
                    builder.Replace(gapStart, contentStart - gapStart, blankSinceLastKept ? "\n\n" : "\n");
                }

                if (lineFastPath && IsPlain(original.AsSpan(contentStart, contentEnd - contentStart)))
                {
                    builder.Copy(contentStart, contentEnd - contentStart);
                }
                else
                {
                    AppendLine(builder, original, contentStart, contentEnd, cancellationToken);
                }

                gapStart = contentEnd;
                blankSinceLastKept = false;
            }
            else
            {
                blankSinceLastKept |= kind == LineKind.Blank;
            }

            // CRLF is one terminator.
            start = end < original.Length && original[end] == '\r' && end + 1 < original.Length && original[end + 1] == '\n'
                ? end + 2
                : end + 1;
        }

        return builder.Length == 0 ? CleanedText.Empty : builder.Build();
    }

    /// <summary>Characters that carry no text and are dropped from the cleaned body.</summary>
    public static bool IsRemovedFormatChar(char c) => c is '\uFEFF' or '\u200B' or '\u00AD' or '\u2060';

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AppendLine(SegmentBuilder builder, string original, int start, int end, CancellationToken cancellationToken)
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

            AppendWord(builder, original, wordStart, i, cancellationToken);
        }
    }

    /// <summary>
    /// A run without whitespace: copied as it is unless cleaning changes it, then normalised piece by
    /// piece between NFC boundaries, with a grapheme joiner after every <see cref="Nfc.MaxNonStarters"/>
    /// combining marks in a row. A lone surrogate (ICU refuses them) stays as it is, a piece of its own.
    /// </summary>
    private static void AppendWord(SegmentBuilder builder, string original, int start, int end, CancellationToken cancellationToken)
    {
        if (Nfc.IsStable(original.AsSpan(start, end - start)))
        {
            builder.Copy(start, end - start);
            return;
        }

        var chunkStart = start;
        var marks = 0;
        var i = start;
        while (i < end)
        {
            var c = original[i];
            if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(original[i + 1])))
            {
                AppendNormalized(builder, original, chunkStart, i - chunkStart, joiner: false);
                builder.Copy(i, 1);
                chunkStart = ++i;
                marks = 0;
                continue;
            }

            var rune = char.IsHighSurrogate(c) ? new Rune(c, original[i + 1]) : new Rune(c);
            if (Nfc.IsCombiningMark(rune))
            {
                if (++marks > Nfc.MaxNonStarters)
                {
                    // The joiner is a starter nothing composes with: the marks after it are a piece of their own.
                    cancellationToken.ThrowIfCancellationRequested();
                    AppendNormalized(builder, original, chunkStart, i - chunkStart, joiner: true);
                    chunkStart = i;
                    marks = 1;
                }
            }
            else
            {
                marks = 0;
                if (i > chunkStart && Nfc.IsBoundary(rune))
                {
                    AppendNormalized(builder, original, chunkStart, i - chunkStart, joiner: false);
                    chunkStart = i;
                }
            }

            i += rune.Utf16SequenceLength;
        }

        AppendNormalized(builder, original, chunkStart, end - chunkStart, joiner: false);
    }

    private static void AppendNormalized(SegmentBuilder builder, string original, int start, int length, bool joiner)
    {
        if (length == 0)
        {
            return;
        }

        var span = original.AsSpan(start, length);
        if (!joiner && Nfc.IsStable(span))
        {
            builder.Copy(start, length);
            return;
        }

        var normalized = Nfc.Normalize(span);
        if (joiner)
        {
            builder.Replace(start, length, normalized + Nfc.GraphemeJoiner);
        }
        else if (span.SequenceEqual(normalized))
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

    /// <summary>Line terminators: LF, CR (CRLF counts once), NEL, LS, PS.</summary>
    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\n\r\u0085\u2028\u2029");

    /// <summary>
    /// A trimmed line that <see cref="AppendLine"/> would copy unchanged: no whitespace but single
    /// spaces, no removed format character, nothing NFC or the stream-safe limit could change. Most lines of most articles are
    /// like this; copying them whole skips the per-word work.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsPlain(ReadOnlySpan<char> line)
    {
        if (line.Contains("  ", StringComparison.Ordinal))
        {
            return false;
        }

        // Printable ASCII is plain; anything else is checked on its own, then the line for NFC as a whole
        // (words are separated by spaces, which nothing composes across).
        var at = line.IndexOfAnyExceptInRange(' ', '~');
        if (at < 0)
        {
            return true;
        }

        while (at >= 0)
        {
            var c = line[at];
            if (char.IsWhiteSpace(c) || IsRemovedFormatChar(c))
            {
                return false;
            }

            var next = line[(at + 1)..].IndexOfAnyExceptInRange(' ', '~');
            at = next < 0 ? -1 : at + 1 + next;
        }

        return Nfc.IsStable(line);
    }
}
