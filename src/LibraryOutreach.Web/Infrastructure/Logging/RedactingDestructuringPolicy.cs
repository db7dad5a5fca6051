using System.Diagnostics.CodeAnalysis;
using Serilog.Core;
using Serilog.Events;

namespace LibraryOutreach.Web.Infrastructure.Logging;

/// <summary>
/// Last line of defence: objects logged with <c>{@Thing}</c> never show properties whose names look like
/// secrets. Code must not log secrets in the first place; this catches mistakes.
/// </summary>
public sealed class RedactingDestructuringPolicy : IDestructuringPolicy
{
    private static readonly string[] SecretNames = ["password", "token", "secret", "hash", "key", "stamp"];

    public bool TryDestructure(object value, ILogEventPropertyValueFactory propertyValueFactory, [NotNullWhen(true)] out LogEventPropertyValue? result)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(propertyValueFactory);
        var type = value.GetType();
        if (type.IsPrimitive || value is string || !type.IsClass)
        {
            result = null;
            return false;
        }

        var properties = type.GetProperties().Where(p => p.CanRead && p.GetIndexParameters().Length == 0).ToList();
        if (!properties.Any(p => IsSecret(p.Name)))
        {
            result = null;
            return false;
        }

        result = new StructureValue(properties.Select(p => new LogEventProperty(
            p.Name,
            IsSecret(p.Name) ? new ScalarValue("(redacted)") : propertyValueFactory.CreatePropertyValue(p.GetValue(value), destructureObjects: true))), type.Name);
        return true;
    }

    internal static bool IsSecret(string name) => SecretNames.Any(s => name.Contains(s, StringComparison.OrdinalIgnoreCase));
}
