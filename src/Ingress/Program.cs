using Backend.Api;
using Backend.Hosting;
using Backend.Messaging;
using Backend.Store;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("ingress");
builder.AddStore();
builder.AddMessaging();
builder.AddApi();

var app = builder.Build();

app.MapApi();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
