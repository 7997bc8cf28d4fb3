using DystoniaBot.Web.Extensions;

var builder = WebApplication.CreateBuilder(args).LoadEmbeddingModelEarly();
builder.Services.AddDystoniaBot();
builder.AddStaffConsole();
builder.AddOperations();

var app = builder.Build();
app.MapDystoniaBot();
app.Run();

/// <summary>The host's entry point (public for WebApplicationFactory).</summary>
public partial class Program;
