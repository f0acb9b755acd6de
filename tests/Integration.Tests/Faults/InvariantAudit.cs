using System.Text.Json;
using System.Text.Json.Serialization;

using Backend.Domain.Orders;

using Microsoft.Data.Sqlite;

namespace Backend.Integration.Tests.Faults;

/// <summary>
/// The order and stock invariants of a finished fault test, checked against the SQLite file all processes
/// shared, read-only. Reading the file, not the API, also shows the reservation rows behind the counters. The
/// planned <c>GET /api/admin/audit</c> endpoint is to take over the store-side checks; what the test alone
/// knows (which orders it was answered 202 for, which stock it booked) stays in <see cref="AuditExpectations"/>.
/// </summary>
public static class InvariantAudit
{
    private static readonly JsonSerializerOptions DocumentOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<StoreSnapshot> ReadAsync(string databasePath, CancellationToken cancellationToken)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            // A pooled read-only connection would outlive the test and keep the file open.
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // One read transaction, so orders, counters and reservations are one consistent picture of the file.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var rows = await ReadAllAsync(connection, "SELECT document, settlement_pending, request_at FROM orders",
            reader => (Order: JsonSerializer.Deserialize<Order>(reader.GetString(0), DocumentOptions)!,
                Columns: new OrderColumns(reader.GetInt32(1) == 1, !reader.IsDBNull(2))),
            cancellationToken);
        var orders = rows.Select(row => row.Order).ToList();
        var columns = rows.GroupBy(row => row.Order.Id).ToDictionary(group => group.Key, group => group.First().Columns);
        var products = await ReadAllAsync(connection, "SELECT sku, on_hand, reserved FROM products",
            reader => new ProductCounters(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)), cancellationToken);
        var reservations = await ReadAllAsync(connection, "SELECT order_id, sku, quantity, state FROM reservations",
            reader => new ReservationRow(Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetInt32(2), reader.GetString(3)),
            cancellationToken);
        var receipts = await ReadAllAsync(connection, "SELECT receipt_id, sku, quantity FROM stock_receipts",
            reader => new ReceiptRow(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)), cancellationToken);
        return new StoreSnapshot(orders, products, reservations, receipts) { Columns = columns };
    }

    public static AuditReport Check(StoreSnapshot snapshot, AuditExpectations expected)
    {
        var violations = new List<string>();
        var ordersById = snapshot.Orders.GroupBy(order => order.Id).ToDictionary(group => group.Key, group => group.First());

        var missing = expected.Orders.Where(id => !ordersById.ContainsKey(id)).ToList();
        violations.AddRange(missing.Select(id => $"order {id} was accepted but is not stored (lost)"));
        if (expected.ExactOrderSet)
        {
            var known = expected.Orders.ToHashSet();
            violations.AddRange(snapshot.Orders.Where(order => !known.Contains(order.Id))
                .Select(order => $"order {order.Id} is stored but was never accepted (doubled or stray)"));
        }

        violations.AddRange(expected.Shipped.Where(id => ordersById.TryGetValue(id, out var order) && order.Status != OrderStatus.Shipped)
            .Select(id => $"order {id} was sent a shipment but is {ordersById[id].Status}"));

        var unsettled = snapshot.Orders.Where(order => order.Status.IsInProgress()).ToList();
        violations.AddRange(unsettled.Select(order => $"order {order.Id} is still {order.Status} (not final, not Confirmed)"));

        // A shipment conflict adds a timeline entry in the status the order stays in: a note, not a transition.
        var repeated = snapshot.Orders
            .SelectMany(order => order.Timeline
                .Where(entry => !order.Conflicts.Any(conflict => conflict.Status == entry.Status && conflict.At == entry.At && conflict.Describe() == entry.Reason))
                .GroupBy(entry => entry.Status).Where(group => group.Count() > 1)
                .Select(group => (order.Id, Status: group.Key, Times: group.Count())))
            .ToList();
        violations.AddRange(repeated.Select(repeat => $"order {repeat.Id} entered {repeat.Status} {repeat.Times} times"));

        violations.AddRange(expected.Cancelled.Where(id => ordersById.TryGetValue(id, out var order) && order.Status != OrderStatus.Cancelled)
            .Select(id => $"order {id} was cancelled over HTTP with nothing else sent for it, but is {ordersById[id].Status}"));

        var settlementPending = CheckSettlementMarks(snapshot, violations);
        var requestsPending = CheckRecordedRequests(snapshot, violations);
        CheckCounters(snapshot, expected, violations);
        CheckReservations(snapshot, ordersById, violations);

        return new AuditReport(
            snapshot.Orders.Count,
            snapshot.Orders.GroupBy(order => order.Status).ToDictionary(group => group.Key, group => group.Count()),
            missing.Count,
            repeated.Count,
            unsettled.Count,
            violations)
        {
            SettlementPending = settlementPending,
            RequestsPending = requestsPending,
            ShipmentConflicts = snapshot.Orders.Sum(order => order.Conflicts.Count),
        };
    }

    /// <summary>
    /// A final order whose stock and payment were settled has its mark cleared; one still marked is one a crash
    /// left and the settlement sweep has not reached. The document and its indexed column must agree, or the
    /// sweep, which selects on the column, would miss it.
    /// </summary>
    private static IReadOnlyList<Guid> CheckSettlementMarks(StoreSnapshot snapshot, List<string> violations)
    {
        var marked = snapshot.Orders
            .Where(order => order.Status.IsFinal() && (order.SettlementPending || snapshot.Columns.GetValueOrDefault(order.Id)?.SettlementPending == true))
            .ToList();
        violations.AddRange(marked.Select(order => $"order {order.Id} is {order.Status} but still marked settlement-pending (stock or payment not settled)"));
        violations.AddRange(snapshot.Orders
            .Where(order => snapshot.Columns.TryGetValue(order.Id, out var columns) && columns.SettlementPending != order.SettlementPending)
            .Select(order => $"order {order.Id}: settlement_pending column {snapshot.Columns[order.Id].SettlementPending}, document {order.SettlementPending}"));
        return [.. marked.Select(order => order.Id)];
    }

    /// <summary>
    /// A cancel or shipment recorded over HTTP was answered 202, so it must have taken effect by now: a recorded
    /// cancel leaves the order final (Cancelled, or whatever beat it), and a recorded shipment either shipped the
    /// order or is kept as a conflict, never dropped. The request_at column the re-drive selects on must say the same.
    /// </summary>
    private static IReadOnlyList<Guid> CheckRecordedRequests(StoreSnapshot snapshot, List<string> violations)
    {
        var pending = new List<Guid>();
        foreach (var order in snapshot.Orders)
        {
            if (order.CancelRequest is not null && !order.Status.IsFinal())
            {
                pending.Add(order.Id);
                violations.Add($"order {order.Id} has a cancel recorded at {order.CancelRequest.At:O} but is still {order.Status}");
            }

            if (order.ShipmentRequest is { Shipment: var shipment }
                && !(order.Status == OrderStatus.Shipped && order.Shipment == shipment)
                && order.Conflicts.All(conflict => conflict.Shipment != shipment))
            {
                pending.Add(order.Id);
                violations.Add($"order {order.Id} has a shipment recorded ({shipment.Carrier} {shipment.TrackingNumber}) but is {order.Status} with neither that shipment nor a conflict for it");
            }

            if (snapshot.Columns.TryGetValue(order.Id, out var columns) && columns.HasRequestAt != order.HasPendingRequest)
            {
                violations.Add($"order {order.Id}: request_at column {(columns.HasRequestAt ? "set" : "empty")}, but the document has {(order.HasPendingRequest ? "a" : "no")} pending request");
            }
        }

        return [.. pending.Distinct()];
    }

    private static void CheckCounters(StoreSnapshot snapshot, AuditExpectations expected, List<string> violations)
    {
        var held = QuantitiesBySku(snapshot.Orders.Where(order => order.Status is OrderStatus.Reserved or OrderStatus.Confirmed));
        var shipped = QuantitiesBySku(snapshot.Orders.Where(order => order.Status == OrderStatus.Shipped));
        // Goods the warehouse shipped for an order that had ended (a shipment conflict) are written off on-hand, as
        // far as stock allowed: the units short are recorded on the conflict, for the order as a whole, not per SKU.
        var endedById = snapshot.Orders.Where(order => order.Status.IsFinal() && order.Status != OrderStatus.Shipped).ToDictionary(order => order.Id);
        var writtenOff = snapshot.Reservations.Where(row => row.State == "committed" && endedById.ContainsKey(row.OrderId))
            .GroupBy(row => row.Sku)
            .ToDictionary(group => group.Key, group => (
                Units: group.Sum(row => row.Quantity),
                Short: group.Sum(row => endedById[row.OrderId].Conflicts.Sum(conflict => conflict.UnitsShort))));
        var counted = snapshot.Receipts.GroupBy(receipt => receipt.Sku).ToDictionary(group => group.Key, group => group.Sum(receipt => receipt.Quantity));
        var duplicateReceipts = snapshot.Receipts.GroupBy(receipt => (receipt.ReceiptId, receipt.Sku)).Where(group => group.Count() > 1);
        violations.AddRange(duplicateReceipts.Select(group => $"receipt {group.Key.ReceiptId} for {group.Key.Sku} is counted {group.Count()} times"));

        foreach (var product in snapshot.Products)
        {
            var expectedReserved = held.GetValueOrDefault(product.Sku);
            if (product.Reserved != expectedReserved)
            {
                violations.Add($"{product.Sku}: reserved {product.Reserved}, but Reserved/Confirmed orders hold {expectedReserved}");
            }

            if (expected.ReceivedBySku.TryGetValue(product.Sku, out var received))
            {
                if (counted.GetValueOrDefault(product.Sku) != received)
                {
                    violations.Add($"{product.Sku}: receipts count {counted.GetValueOrDefault(product.Sku)} units, but {received} were booked");
                }

                var (off, offShort) = writtenOff.GetValueOrDefault(product.Sku);
                var expectedOnHand = received - shipped.GetValueOrDefault(product.Sku) - off;
                if (product.OnHand < expectedOnHand || product.OnHand > expectedOnHand + offShort)
                {
                    violations.Add($"{product.Sku}: onHand {product.OnHand}, but seeded + received - shipped - written off = {received} - {shipped.GetValueOrDefault(product.Sku)} - {off} = {expectedOnHand}" +
                        (offShort > 0 ? $" (up to {offShort} more for units short)" : ""));
                }
            }

            if (product.Reserved < 0 || product.OnHand < product.Reserved)
            {
                violations.Add($"{product.Sku}: onHand {product.OnHand} and reserved {product.Reserved} break 0 <= reserved <= onHand");
            }
        }

        violations.AddRange(expected.ReceivedBySku.Keys.Where(sku => snapshot.Products.All(product => product.Sku != sku))
            .Select(sku => $"{sku}: stock was booked but the product does not exist"));
    }

    private static void CheckReservations(StoreSnapshot snapshot, Dictionary<Guid, Order> orders, List<string> violations)
    {
        var rowsByOrder = snapshot.Reservations.ToLookup(row => row.OrderId);
        foreach (var order in orders.Values.Where(order => !order.Status.IsInProgress()))
        {
            var rows = rowsByOrder[order.Id].ToList();
            var expectedState = order.Status switch
            {
                OrderStatus.Confirmed => "held",
                OrderStatus.Shipped => "committed",
                _ => null,
            };
            if (expectedState is null)
            {
                // Rejected before reserving, or after: either way nothing may still be held.
                violations.AddRange(rows.Where(row => row.State == "held")
                    .Select(row => $"order {order.Id} is {order.Status} but still holds {row.Quantity} x {row.Sku}"));

                // Released stock is taken off on-hand only when the warehouse shipped the ended order anyway (a
                // conflict recorded in this final state); then all of it is, and otherwise none of it.
                var shippedAnyway = order.Conflicts.Any(conflict => conflict.Status == order.Status);
                violations.AddRange(rows.Where(row => row.State == (shippedAnyway ? "released" : "committed"))
                    .Select(row => shippedAnyway
                        ? $"order {order.Id} is {order.Status} and was shipped anyway, but {row.Quantity} x {row.Sku} is still released, not written off"
                        : $"order {order.Id} is {order.Status} with no shipment conflict, but {row.Quantity} x {row.Sku} is committed (taken off on-hand)"));
                continue;
            }

            foreach (var (sku, quantity) in QuantitiesBySku([order]))
            {
                var row = rows.SingleOrDefault(row => row.Sku == sku);
                if (row is null || row.State != expectedState || row.Quantity != quantity)
                {
                    violations.Add($"order {order.Id} is {order.Status}: expected {quantity} x {sku} {expectedState}, found {(row is null ? "no reservation" : $"{row.Quantity} {row.State}")}");
                }
            }
        }
    }

    private static Dictionary<string, int> QuantitiesBySku(IEnumerable<Order> orders) =>
        orders.SelectMany(order => order.Lines)
            .GroupBy(line => line.Sku)
            .ToDictionary(group => group.Key, group => group.Sum(line => line.Quantity));

    private static async Task<List<T>> ReadAllAsync<T>(
        SqliteConnection connection, string sql, Func<SqliteDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}

public sealed record StoreSnapshot(
    IReadOnlyList<Order> Orders,
    IReadOnlyList<ProductCounters> Products,
    IReadOnlyList<ReservationRow> Reservations,
    IReadOnlyList<ReceiptRow> Receipts)
{
    /// <summary>The indexed columns the sweeps select on, per order id, beside the document they are taken from.</summary>
    public IReadOnlyDictionary<Guid, OrderColumns> Columns { get; init; } = new Dictionary<Guid, OrderColumns>();
}

/// <param name="SettlementPending">orders.settlement_pending is 1.</param>
/// <param name="HasRequestAt">orders.request_at is set.</param>
public sealed record OrderColumns(bool SettlementPending, bool HasRequestAt);

public sealed record ProductCounters(string Sku, int OnHand, int Reserved);

public sealed record ReservationRow(Guid OrderId, string Sku, int Quantity, string State);

public sealed record ReceiptRow(string ReceiptId, string Sku, int Quantity);

/// <param name="Orders">Every order the test was told was accepted.</param>
/// <param name="ReceivedBySku">Units the test booked per SKU, opening stock included.</param>
/// <param name="ExactOrderSet">Whether any stored order beyond <paramref name="Orders"/> is a violation.</param>
public sealed record AuditExpectations(IReadOnlyCollection<Guid> Orders, IReadOnlyDictionary<string, int> ReceivedBySku, bool ExactOrderSet = true)
{
    /// <summary>Orders the test sent a shipment for, which must end Shipped.</summary>
    public IReadOnlyCollection<Guid> Shipped { get; init; } = [];

    /// <summary>Orders the test cancelled and sent nothing else for, which must end Cancelled.</summary>
    public IReadOnlyCollection<Guid> Cancelled { get; init; } = [];
}

public sealed record AuditReport(
    int Orders,
    IReadOnlyDictionary<OrderStatus, int> ByStatus,
    int Lost,
    int RepeatedTransitions,
    int Unsettled,
    IReadOnlyList<string> Violations)
{
    /// <summary>Final orders still marked settlement-pending.</summary>
    public IReadOnlyList<Guid> SettlementPending { get; init; } = [];

    /// <summary>Orders with a recorded cancel or shipment that has not taken effect.</summary>
    public IReadOnlyList<Guid> RequestsPending { get; init; } = [];

    public int ShipmentConflicts { get; init; }

    public bool Holds => Violations.Count == 0;

    public string Summary() =>
        $"{Orders} orders ({string.Join(", ", ByStatus.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key} {pair.Value}"))}); " +
        $"lost {Lost}, repeated transitions {RepeatedTransitions}, unsettled {Unsettled}, settlement-pending {SettlementPending.Count}, " +
        $"requests pending {RequestsPending.Count}, shipment conflicts {ShipmentConflicts}, violations {Violations.Count}";

    public override string ToString() =>
        Summary() + string.Concat(Violations.Take(20).Select(violation => Environment.NewLine + "  " + violation)) +
        (Violations.Count > 20 ? $"{Environment.NewLine}  … and {Violations.Count - 20} more" : "");
}
