// Azure Database for PostgreSQL flexible server with the bot's database.

@description('Server name (globally unique).')
param name string

@description('Region.')
param location string

@description('Administrator login.')
param adminLogin string

@description('Administrator password.')
@secure()
param adminPassword string

@description('Compute SKU; Burstable B1ms suits a bot of this size.')
param skuName string = 'Standard_B1ms'

@description('Compute tier of the SKU.')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param skuTier string = 'Burstable'

@description('PostgreSQL major version.')
param version string = '16'

@description('Storage size in GB.')
param storageSizeGB int = 32

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: name
  location: location
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    version: version
    administratorLogin: adminLogin
    administratorLoginPassword: adminPassword
    storage: {
      storageSizeGB: storageSizeGB
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

// Public access limited to Azure services (the web app); a virtual network with private access is the stricter
// choice for production.
resource allowAzureServices 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: server
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: 'dystoniabot'
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

@description('Host name for connection strings.')
output fullyQualifiedDomainName string = server.properties.fullyQualifiedDomainName

@description('The bot\'s database.')
output databaseName string = database.name
