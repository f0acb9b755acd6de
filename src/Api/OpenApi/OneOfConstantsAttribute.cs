namespace Backend.Api.OpenApi;

/// <summary>
/// A string property whose values are the public string constants of <see cref="Type"/> (reason codes kept as
/// constants in the domain), documented as an enum by <see cref="ConstantsEnumTransformer"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class OneOfConstantsAttribute(Type type) : Attribute
{
    public Type Type => type;

    public IReadOnlyList<string> Values =>
        [.. type.GetFields().Where(constant => constant.IsLiteral && constant.FieldType == typeof(string)).Select(constant => (string)constant.GetRawConstantValue()!)];
}
