// Linux App Service plan and the bot's web app (.NET 10): WebSockets for Direct Line's stream, always on, /readyz as
// the health check, secrets through Key Vault references read with the app's managed identity.

@description('Web app name (globally unique; the host name is <name>.azurewebsites.net).')
param name string

@description('Region.')
param location string

@description('App Service plan SKU.')
param sku string

@description('Instances.')
param instanceCount int

@description('MicrosoftAppId.')
param microsoftAppId string

@description('MicrosoftAppType.')
param microsoftAppType string

@description('MicrosoftAppTenantId.')
param microsoftAppTenantId string

@description('Key Vault URI of the app registration\'s client secret.')
param appPasswordSecretUri string

@description('Key Vault URI of the PostgreSQL connection string.')
param connectionStringSecretUri string

@description('Key Vault URI of the Direct Line secret; empty: none.')
param directLineSecretUri string

@description('OTLP collector; empty: none.')
param otlpEndpoint string

var baseSettings = [
  {
    name: 'MicrosoftAppId'
    value: microsoftAppId
  }
  {
    name: 'MicrosoftAppType'
    value: microsoftAppType
  }
  {
    name: 'MicrosoftAppTenantId'
    value: microsoftAppTenantId
  }
  {
    name: 'MicrosoftAppPassword'
    value: '@Microsoft.KeyVault(SecretUri=${appPasswordSecretUri})'
  }
  {
    name: 'Storage__PostgresConnectionString'
    value: '@Microsoft.KeyVault(SecretUri=${connectionStringSecretUri})'
  }
  {
    // Used only without the PostgreSQL connection string above; with it every instance shares the database.
    name: 'Storage__SqlitePath'
    value: '/tmp/dystoniabot/dystoniabot.db'
  }
  {
    // App Service sends traffic to port 8080; appsettings.json's Urls (localhost:3978) would otherwise win.
    name: 'URLS'
    value: 'http://0.0.0.0:8080'
  }
  {
    name: 'Logging__Console__FormatterName'
    value: 'json'
  }
  {
    name: 'Operations__ShutdownTimeout'
    value: '00:00:20'
  }
]
var directLineSettings = empty(directLineSecretUri) ? [] : [
  {
    name: 'DirectLine__Secret'
    value: '@Microsoft.KeyVault(SecretUri=${directLineSecretUri})'
  }
]
var telemetrySettings = empty(otlpEndpoint) ? [] : [
  {
    name: 'OpenTelemetry__OtlpEndpoint'
    value: otlpEndpoint
  }
]

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: sku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  location: location
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: true
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet DystoniaBot.Web.dll'
      webSocketsEnabled: true
      alwaysOn: true
      healthCheckPath: '/readyz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: concat(baseSettings, directLineSettings, telemetrySettings)
    }
  }
}

@description('The app\'s default host name.')
output defaultHostName string = site.properties.defaultHostName

@description('The app\'s managed identity, which reads the Key Vault.')
output principalId string = site.identity.principalId
