namespace Backend.Validation;

/// <summary>
/// Collects per-field messages, keyed by the field's camelCase JSON path (<c>lines[0].sku</c>), so HTTP and the
/// broker name a fault the same way: HTTP as a validation problem, the broker as the error queue's reason.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>Adds <paramref name="message"/> unless <paramref name="valid"/>; returns <paramref name="valid"/>.</summary>
    public bool Check(bool valid, string field, string message)
    {
        if (!valid)
        {
            Add(field, message);
        }

        return valid;
    }

    public Dictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>One line per fault, <c>'field': message</c>, for a reason that has to be a single string.</summary>
    public IReadOnlyList<string> ToReasons() =>
        [.. _errors.SelectMany(pair => pair.Value.Select(message => $"'{pair.Key}': {message}"))];
}
