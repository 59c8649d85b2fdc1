using Microsoft.ML.Tokenizers;

namespace Summaries.Summary.Llm;

/// <summary>
/// Counts tokens the way OpenAI's current models do (o200k_base), to keep prompts within the
/// model's context and to report prompt size before a call is made.
/// </summary>
public sealed class TokenCounter
{
    private readonly Tokenizer _tokenizer = TiktokenTokenizer.CreateForEncoding("o200k_base");

    public int Count(string text) => _tokenizer.CountTokens(text);
}
