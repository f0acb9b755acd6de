using Backend.Api.Auth;
using Backend.Domain.FailedMessages;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Backend.Api.FailedMessages;

/// <summary>Failed messages taken from the error queues: listed, grouped by fingerprint, re-driven or discarded by an operator.</summary>
public static partial class FailedMessagesApi
{
    public const int MaxPageSize = 100;

    public static RouteGroupBuilder MapFailedMessages(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/admin/failed-messages")
            .WithTags("Failed messages")
            .RequireAuthorization(ApiPolicies.Operator)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/", ListAsync).WithName("ListFailedMessages");
        group.MapGet("/groups", ListGroupsAsync).WithName("ListFailedMessageGroups");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetFailedMessage");
        group.MapPost("/{id:guid}/redeliver", RedeliverAsync)
            .WithName("RedeliverFailedMessage")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/discard", DiscardAsync)
            .WithName("DiscardFailedMessage")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/groups/{fingerprint}/redeliver", RedeliverGroupAsync).WithName("RedeliverFailedMessageGroup");
        group.MapPost("/groups/{fingerprint}/discard", DiscardGroupAsync).WithName("DiscardFailedMessageGroup");
        return group;
    }

    /// <summary>Records, newest failure first, filtered by queue, message type, fingerprint, status and kind.</summary>
    public static async Task<Results<Ok<FailedMessageListResponse>, ValidationProblem>> ListAsync(
        IFailedMessageStore store,
        CancellationToken cancellationToken,
        string? queue = null,
        string? type = null,
        string? fingerprint = null,
        FailedMessageStatus? status = null,
        FailedMessageKind? kind = null,
        int page = 1,
        int pageSize = 20)
    {
        var errors = new Dictionary<string, string[]>();
        if (page < 1)
        {
            errors["page"] = ["The page is 1 or more."];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"The page size is 1 to {MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await store.ListAsync(new FailedMessageQuery(queue, type, fingerprint, status, kind, page, pageSize), cancellationToken);
        return TypedResults.Ok(new FailedMessageListResponse(
            [.. result.Items.Select(FailedMessageSummary.From)], result.Page, result.PageSize, result.TotalCount));
    }

    /// <summary>The records of one status (Failed unless asked) by fingerprint, largest group first.</summary>
    public static async Task<Ok<FailedMessageGroupList>> ListGroupsAsync(
        IFailedMessageStore store, CancellationToken cancellationToken, FailedMessageStatus status = FailedMessageStatus.Failed) =>
        TypedResults.Ok(new FailedMessageGroupList(await store.ListGroupsAsync(status, cancellationToken)));

    public static async Task<Results<Ok<FailedMessageDetail>, NotFound>> GetAsync(
        Guid id, IFailedMessageStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } message
            ? TypedResults.Ok(FailedMessageDetail.From(message))
            : TypedResults.NotFound();
}
