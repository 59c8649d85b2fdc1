namespace Summaries.Summary.Llm;

/// <summary>The model's streamed answer broke off (connection lost) or ended before it was complete.</summary>
public sealed class LlmStreamInterruptedException(string message, Exception? inner = null) : Exception(message, inner);
