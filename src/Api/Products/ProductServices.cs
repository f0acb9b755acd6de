using Backend.Api.Orders;
using Backend.Domain.Catalog;

using MassTransit;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backend.Api.Products;

/// <summary>What the product handlers need from the container, bound with <c>[AsParameters]</c>.</summary>
public sealed record ProductServices(
    IProductStore Store, IPublishEndpoint Publisher, IOptions<OrdersApiOptions> Options, ILogger<ProductServices> Logger);
