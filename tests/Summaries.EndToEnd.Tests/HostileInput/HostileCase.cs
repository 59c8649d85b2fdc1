using Grpc.Core;

namespace Summaries.EndToEnd.Tests.HostileInput;

/// <summary>
/// One hostile or malformed input: where it is sent, what it is, and the status and details the
/// service must answer with (the row of docs/ERRORS.md with the same <see cref="Id"/>).
/// </summary>
/// <param name="Id">Stable key, also the first column of docs/ERRORS.md.</param>
/// <param name="Rpc">Service and method, e.g. "IngestionService.CreateArticle".</param>
/// <param name="Input">What is sent, in a few words.</param>
/// <param name="Code">The status the call must end with.</param>
/// <param name="Detail">What the status must carry (or, for OK, what must hold afterwards).</param>
/// <param name="Send">Makes the call. For OK cases it also asserts the result.</param>
/// <param name="After">Checks made once the call has failed as expected (what was stored, say).</param>
public sealed record HostileCase(
    string Id,
    string Rpc,
    string Input,
    StatusCode Code,
    ExpectedDetail Detail,
    Func<HostileSystemFixture, Task> Send,
    Func<HostileSystemFixture, Task>? After = null)
{
    public override string ToString() => Id;
}
