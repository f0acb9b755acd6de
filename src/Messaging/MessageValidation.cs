namespace Backend.Messaging;

/// <summary>Guards for inbound messages: a plain JSON body may lack any field, whatever the record's nullability says.</summary>
public static class MessageValidation
{
    public static string RequireText(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidMessageException($"'{field}' is required.") : value;

    public static T RequireValue<T>(T? value, string field)
        where T : class => value ?? throw new InvalidMessageException($"'{field}' is required.");

    public static Guid RequireId(Guid value, string field) =>
        value == Guid.Empty ? throw new InvalidMessageException($"'{field}' is required and must be a non-empty GUID.") : value;


    public static void Require(bool condition, string reason)
    {
        if (!condition)
        {
            throw new InvalidMessageException(reason);
        }
    }
}
