namespace Summaries.EndToEnd.Tests.Infrastructure;

/// <summary>What the scripted LLM does with the next chat-completion request.</summary>
public enum LlmBehaviour
{
    /// <summary>Answers with a valid briefing built from the fact sheet it was sent.</summary>
    Valid,

    /// <summary>A valid answer that leaves out the position of the first party it quotes directly.</summary>
    OmitsParty,

    /// <summary>A valid answer that goes on past the length asked for: a context sentence for every fact it was sent.</summary>
    Wordy,

    /// <summary>A valid answer except that one sentence copies the narrator's loaded words, fixed when asked again.</summary>
    PartlyLoaded,

    /// <summary>
    /// An adversarial model that obeys any instruction it finds in the article text of its prompt
    /// (see <see cref="AdversarialModel"/>): it answers with an embedded JSON answer, reveals its
    /// system prompt when asked, or writes whatever words it is told to.
    /// </summary>
    FollowsInjection,

    /// <summary>An adversarial model that copies its system prompt into its answer, whatever it is asked.</summary>
    LeaksSystemPrompt,

    /// <summary>200 OK with text that is not the JSON asked for.</summary>
    Garbage,

    /// <summary>200 OK with well-formed JSON whose sentences cite facts that do not exist.</summary>
    Ungrounded,

    /// <summary>429 Too Many Requests with Retry-After (<see cref="ScriptedLlmServer.RetryAfterSeconds"/>).</summary>
    TooManyRequests,

    /// <summary>500 Internal Server Error.</summary>
    ServerError,

    /// <summary>Never answers in time (no headers until the client gives up).</summary>
    Hang,

    /// <summary>
    /// A valid answer cut off at <see cref="ScriptedLlmServer.CutAt"/> of its length: a stream ends
    /// cleanly there without <c>data: [DONE]</c>; a plain answer carries the cut JSON (finish_reason "length").
    /// </summary>
    Truncated,

    /// <summary>A valid answer until <see cref="ScriptedLlmServer.CutAt"/> of its length, then the connection is reset.</summary>
    ConnectionDropped,

    /// <summary>A valid answer until <see cref="ScriptedLlmServer.CutAt"/> of its length, then nothing more until the client gives up.</summary>
    StallsMidStream,

    /// <summary>A valid answer until <see cref="ScriptedLlmServer.CutAt"/> of its length, then garbage, then a normal end.</summary>
    GarbledMidStream,
}
