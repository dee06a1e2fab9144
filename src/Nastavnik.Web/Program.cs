using Nastavnik.Data;
using Nastavnik.Web;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddNastavnikData(builder.Configuration);
builder.AddNastavnikWeb();
var app = builder.Build();
app.UseNastavnikWeb();
app.Run();
