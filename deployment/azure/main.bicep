// DystoniaBot on Azure: an Azure Bot (Teams, Web Chat and Direct Line channels) whose messaging endpoint is a Linux
// App Service web app (.NET 10), PostgreSQL flexible server for the bot's data, and a Key Vault holding every secret
// the web app reads (through Key Vault references, with its managed identity).
//
//   az deployment group create -g <group> -f deployment/azure/main.bicep -p @deployment/azure/main.parameters.json \
//     -p microsoftAppPassword=<client secret> postgresAdminPassword=<password>
//
// The Entra app registration (MicrosoftAppId and its client secret) is made beforehand: see deployment/README.md.

targetScope = 'resourceGroup'

@description('Prefix of every resource name (lowercase letters and digits, 3-12 characters).')
@minLength(3)
@maxLength(12)
param namePrefix string

@description('Region of the web app, the database and the Key Vault (the Azure Bot itself is global).')
param location string = resourceGroup().location

@description('Application (client) id of the bot\'s Entra app registration: MicrosoftAppId.')
param microsoftAppId string

@description('SingleTenant (recommended; the app registration\'s own tenant) or MultiTenant.')
@allowed([
  'SingleTenant'
  'MultiTenant'
])
param microsoftAppType string = 'SingleTenant'

@description('Tenant of the app registration: MicrosoftAppTenantId.')
param microsoftAppTenantId string = tenant().tenantId

@description('Client secret of the app registration: MicrosoftAppPassword. Stored in Key Vault only.')
@secure()
param microsoftAppPassword string

@description('Secret for other sites to call the bot\'s own Direct Line tokens/generate (DirectLine:Secret); empty: off.')
@secure()
param directLineSecret string = ''

@description('Administrator login of the PostgreSQL server.')
param postgresAdminLogin string = 'dystoniabot'

@description('Administrator password of the PostgreSQL server. Stored in Key Vault (in the connection string) only.')
@secure()
param postgresAdminPassword string

@description('App Service plan SKU (Linux). P0v3 and up run always on with room for a few instances.')
param appServiceSku string = 'P0v3'

@description('Instances of the web app.')
@minValue(1)
@maxValue(10)
param instanceCount int = 2

@description('Azure Bot SKU: F0 (free; standard channels such as Teams and Web Chat are free) or S1.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('OpenTelemetry collector (OTLP over gRPC) for traces and metrics; empty: none.')
param otlpEndpoint string = ''

var suffix = uniqueString(resourceGroup().id, namePrefix)
var webAppName = '${namePrefix}-bot-${suffix}'
var keyVaultName = 'kv${take(namePrefix, 8)}${take(suffix, 13)}'

// Key Vault Secrets User: read secret values.
var keyVaultSecretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
    enablePurgeProtection: true
  }
}

module database 'modules/postgres.bicep' = {
  name: 'database'
  params: {
    name: '${namePrefix}-pg-${suffix}'
    location: location
    adminLogin: postgresAdminLogin
    adminPassword: postgresAdminPassword
  }
}

resource appPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'microsoft-app-password'
  properties: {
    value: microsoftAppPassword
  }
}

resource connectionStringSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'postgres-connection-string'
  properties: {
    value: 'Host=${database.outputs.fullyQualifiedDomainName};Port=5432;Database=${database.outputs.databaseName};Username=${postgresAdminLogin};Password=${postgresAdminPassword};SSL Mode=Require'
  }
}

resource directLineSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(directLineSecret)) {
  parent: vault
  name: 'directline-secret'
  properties: {
    value: directLineSecret
  }
}

module web 'modules/webapp.bicep' = {
  name: 'web'
  params: {
    name: webAppName
    location: location
    sku: appServiceSku
    instanceCount: instanceCount
    microsoftAppId: microsoftAppId
    microsoftAppType: microsoftAppType
    microsoftAppTenantId: microsoftAppTenantId
    appPasswordSecretUri: appPasswordSecret.properties.secretUri
    connectionStringSecretUri: connectionStringSecret.properties.secretUri
    directLineSecretUri: empty(directLineSecret) ? '' : directLineSecretValue!.properties.secretUri
    otlpEndpoint: otlpEndpoint
  }
}

resource webReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, webAppName, keyVaultSecretsUserRole)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRole)
    principalId: web.outputs.principalId
    principalType: 'ServicePrincipal'
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: '${namePrefix}-${suffix}'
    sku: botSku
    messagingEndpoint: 'https://${web.outputs.defaultHostName}/api/messages'
    microsoftAppId: microsoftAppId
    microsoftAppType: microsoftAppType
    microsoftAppTenantId: microsoftAppTenantId
  }
}

@description('The web app\'s host name: the bot\'s page is https://<this>/ and its messaging endpoint /api/messages.')
output webAppHostName string = web.outputs.defaultHostName

@description('The web app\'s name, for az webapp deploy.')
output webAppName string = webAppName

@description('The Azure Bot resource\'s name.')
output botName string = bot.outputs.name

@description('The Key Vault holding the secrets.')
output keyVaultName string = vault.name
