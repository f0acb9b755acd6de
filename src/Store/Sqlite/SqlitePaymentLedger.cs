using Backend.Domain.Payments;

using Microsoft.Data.Sqlite;

namespace Backend.Store.Sqlite;

/// <summary>One row per order in <c>payments</c>; each operation is one statement or one BEGIN IMMEDIATE transaction.</summary>
internal sealed class SqlitePaymentLedger(SqliteDatabase database) : IPaymentLedger
{
    private const string Select = "SELECT order_id, attempts, approved, authorization_id, decline_reason, settlement FROM payments";

    public Task<PaymentRecord?> FindAsync(Guid orderId, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("find_payment", connection => FindAsync(connection, null, orderId, cancellationToken), cancellationToken);

    public Task<int> RecordAttemptAsync(Guid orderId, CancellationToken cancellationToken) =>
        database.UseWriteAsync("record_payment_attempt", async connection => Convert.ToInt32(await connection.ScalarAsync(
            """
            INSERT INTO payments (order_id, attempts) VALUES (@order, 1)
            ON CONFLICT (order_id) DO UPDATE SET attempts = attempts + 1
            RETURNING attempts
            """,
            cancellationToken, null, ("@order", SqliteValues.Id(orderId)))),
            cancellationToken);

    public Task<AuthorizationResult> TryRecordAuthorizationAsync(
        Guid orderId, AuthorizationResult result, CancellationToken cancellationToken) =>
        database.UseTransactionAsync("record_authorization", async (connection, transaction) =>
        {
            // Fills in a row that counted attempts only; a decided row keeps its first decision.
            await connection.ExecuteAsync(
                """
                INSERT INTO payments (order_id, approved, authorization_id, decline_reason)
                VALUES (@order, @approved, @authorization, @decline)
                ON CONFLICT (order_id) DO UPDATE SET
                    approved = excluded.approved, authorization_id = excluded.authorization_id,
                    decline_reason = excluded.decline_reason
                WHERE payments.approved IS NULL
                """,
                cancellationToken, transaction,
                ("@order", SqliteValues.Id(orderId)), ("@approved", result.Approved),
                ("@authorization", result.AuthorizationId), ("@decline", result.DeclineReason));
            var stored = await FindAsync(connection, transaction, orderId, cancellationToken);
            return stored?.Authorization ?? throw new InvalidOperationException($"The authorization of order {orderId} was not stored.");
        }, cancellationToken);

    public Task<SettlementOutcome> SettleAsync(Guid orderId, PaymentSettlement settlement, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(settlement, PaymentSettlement.None);
        return database.UseTransactionAsync("settle_payment", async (connection, transaction) =>
        {
            var stored = await FindAsync(connection, transaction, orderId, cancellationToken);
            var outcome = PaymentSettlements.Decide(stored, settlement);
            if (outcome == SettlementOutcome.Settled)
            {
                await connection.ExecuteAsync(
                    "UPDATE payments SET settlement = @settlement WHERE order_id = @order",
                    cancellationToken, transaction, ("@order", SqliteValues.Id(orderId)), ("@settlement", Name(settlement)));
            }

            return outcome;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<PaymentRecord>> FindManyAsync(IReadOnlyCollection<Guid> orderIds, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("find_payments", connection => connection.QueryAsync(
            $"{Select} WHERE order_id IN (SELECT value FROM json_each(@orders))", Read, cancellationToken, null,
            ("@orders", System.Text.Json.JsonSerializer.Serialize(orderIds.Select(SqliteValues.Id)))),
            cancellationToken);

    public Task<int> CountAuthorizationsAsync(Guid orderId, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("count_authorizations", async connection => Convert.ToInt32(await connection.ScalarAsync(
            "SELECT COUNT(*) FROM payments WHERE order_id = @order AND approved = 1",
            cancellationToken, null, ("@order", SqliteValues.Id(orderId)))),
            cancellationToken);

    private static async Task<PaymentRecord?> FindAsync(
        SqliteConnection connection, SqliteTransaction? transaction, Guid orderId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync(
            $"{Select} WHERE order_id = @order", Read, cancellationToken, transaction, ("@order", SqliteValues.Id(orderId)));
        return rows.Count == 0 ? null : rows[0];
    }

    private static PaymentRecord Read(SqliteDataReader reader)
    {
        AuthorizationResult? authorization = reader.IsDBNull(2)
            ? null
            : reader.GetBoolean(2)
                ? AuthorizationResult.Approve(reader.GetString(3))
                : AuthorizationResult.Decline(reader.GetString(4));
        return new PaymentRecord(Guid.Parse(reader.GetString(0)), reader.GetInt32(1), authorization, Parse(reader.GetString(5)));
    }

    private static string Name(PaymentSettlement settlement) => settlement.ToString().ToLowerInvariant();

    private static PaymentSettlement Parse(string name) => Enum.Parse<PaymentSettlement>(name, ignoreCase: true);
}
