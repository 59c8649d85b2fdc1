namespace Summaries.Evaluation;

/// <summary>
/// Converts PolNeAR's offsets (Python string indices: code points) into .NET string indices
/// (UTF-16 code units); they differ only after a character outside the Basic Multilingual Plane.
/// </summary>
internal sealed class CodePointOffsets
{
    private readonly int[]? utf16;

    public CodePointOffsets(string text)
    {
        var hasSurrogates = text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;
        if (!hasSurrogates)
        {
            return;
        }

        var map = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            map.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }

        map.Add(text.Length);
        utf16 = map.ToArray();
    }

    public int ToUtf16(int codePoint) => utf16 is null ? codePoint : utf16[Math.Min(codePoint, utf16.Length - 1)];
}
