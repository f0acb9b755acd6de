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

        var orders = await ReadAllAsync(connection, "SELECT document FROM orders",
            reader => JsonSerializer.Deserialize<Order>(reader.GetString(0), DocumentOptions)!, cancellationToken);
        var products = await ReadAllAsync(connection, "SELECT sku, on_hand, reserved FROM products",
            reader => new ProductCounters(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)), cancellationToken);
        var reservations = await ReadAllAsync(connection, "SELECT order_id, sku, quantity, state FROM reservations",
            reader => new ReservationRow(Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetInt32(2), reader.GetString(3)),
            cancellationToken);
        var receipts = await ReadAllAsync(connection, "SELECT receipt_id, sku, quantity FROM stock_receipts",
            reader => new ReceiptRow(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)), cancellationToken);
        return new StoreSnapshot(orders, products, reservations, receipts);
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

        var repeated = snapshot.Orders
            .SelectMany(order => order.Timeline.GroupBy(entry => entry.Status).Where(group => group.Count() > 1)
                .Select(group => (order.Id, Status: group.Key, Times: group.Count())))
            .ToList();
        violations.AddRange(repeated.Select(repeat => $"order {repeat.Id} entered {repeat.Status} {repeat.Times} times"));

        CheckCounters(snapshot, expected, violations);
        CheckReservations(snapshot, ordersById, violations);

        return new AuditReport(
            snapshot.Orders.Count,
            snapshot.Orders.GroupBy(order => order.Status).ToDictionary(group => group.Key, group => group.Count()),
            missing.Count,
            repeated.Count,
            unsettled.Count,
            violations);
    }

    private static void CheckCounters(StoreSnapshot snapshot, AuditExpectations expected, List<string> violations)
    {
        var held = QuantitiesBySku(snapshot.Orders.Where(order => order.Status is OrderStatus.Reserved or OrderStatus.Confirmed));
        var shipped = QuantitiesBySku(snapshot.Orders.Where(order => order.Status == OrderStatus.Shipped));
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

                var expectedOnHand = received - shipped.GetValueOrDefault(product.Sku);
                if (product.OnHand != expectedOnHand)
                {
                    violations.Add($"{product.Sku}: onHand {product.OnHand}, but seeded + received - shipped = {received} - {shipped.GetValueOrDefault(product.Sku)} = {expectedOnHand}");
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
    IReadOnlyList<ReceiptRow> Receipts);

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
}

public sealed record AuditReport(
    int Orders,
    IReadOnlyDictionary<OrderStatus, int> ByStatus,
    int Lost,
    int RepeatedTransitions,
    int Unsettled,
    IReadOnlyList<string> Violations)
{
    public bool Holds => Violations.Count == 0;

    public string Summary() =>
        $"{Orders} orders ({string.Join(", ", ByStatus.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key} {pair.Value}"))}); " +
        $"lost {Lost}, repeated transitions {RepeatedTransitions}, unsettled {Unsettled}, violations {Violations.Count}";

    public override string ToString() =>
        Summary() + string.Concat(Violations.Take(20).Select(violation => Environment.NewLine + "  " + violation)) +
        (Violations.Count > 20 ? $"{Environment.NewLine}  … and {Violations.Count - 20} more" : "");
}
