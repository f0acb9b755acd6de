using Backend.Api;
using Backend.Fulfilment;
using Backend.Fulfilment.FailedMessages;
using Backend.Hosting;
using Backend.Messaging;
using Backend.Store;

// Ingress, workers and scheduler in one process: the same registrations as the two hosts, with the transport
// and store that appsettings.json picks (in memory, and a SQLite file under data/ at the repository root).
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("backend");
builder.AddStore();
builder.AddMessaging(bus => bus.AddFulfilmentConsumers());
builder.AddFulfilment();
builder.AddFailedMessageIngestion();
builder.AddApi();

var app = builder.Build();
app.MapApi();
app.MapDefaultEndpoints();
app.Run();

public partial class Program;
