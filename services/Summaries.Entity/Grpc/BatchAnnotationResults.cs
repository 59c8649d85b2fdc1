using Summaries.Contracts.Entity.V1;
using Summaries.Entity.Registry;
using Summaries.ServiceDefaults.Errors;

namespace Summaries.Entity.Grpc;

/// <summary>The result a batch item gets: its entity count, or the INVALID_ARGUMENT it would have got on its own.</summary>
public static class BatchAnnotationResults
{
    public static BatchAnnotateArticlesResult From(AnnotateArticleRequest request, ArticleOutcome outcome)
    {
        var result = new BatchAnnotateArticlesResult { ArticleName = request.ArticleName };
        if (outcome.Error is { } error)
        {
            result.Status = ItemStatus.From(error);
#pragma warning disable CS0612 // the deprecated BatchItemError is still filled for one release
            result.Error = new BatchItemError { Code = "INVALID_ARGUMENT", Message = error.Message };
            result.Error.FieldViolations.AddRange(error.Problems.Select(p => new BatchFieldViolation { Field = p.Field, Description = p.Description }));
#pragma warning restore CS0612
        }
        else
        {
            result.EntityCount = outcome.Annotation!.Entities.Count;
        }

        return result;
    }
}
