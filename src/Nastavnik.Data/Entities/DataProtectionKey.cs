namespace Nastavnik.Data.Entities;

public class DataProtectionKey
{
    public long Id { get; set; }
    public string? FriendlyName { get; set; }
    public string Xml { get; set; } = "";
}
