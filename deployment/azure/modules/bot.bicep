// The Azure Bot resource: registers the messaging endpoint with the Bot Framework and turns on Teams, Web Chat and
// Direct Line.

@description('Bot handle (globally unique).')
param name string

@description('F0 or S1.')
param sku string

@description('https://<web app>/api/messages')
param messagingEndpoint string

@description('MicrosoftAppId.')
param microsoftAppId string

@description('SingleTenant or MultiTenant.')
param microsoftAppType string

@description('The app registration\'s tenant (SingleTenant).')
param microsoftAppTenantId string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: 'DystoniaBot'
    description: 'Answers questions about dystonia from trusted health articles, with their sources.'
    endpoint: messagingEndpoint
    msaAppId: microsoftAppId
    msaAppType: microsoftAppType
    msaAppTenantId: microsoftAppType == 'SingleTenant' ? microsoftAppTenantId : ''
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

resource webChat 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'WebChatChannel'
  location: 'global'
  properties: {
    channelName: 'WebChatChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isWebchatPreviewEnabled: true
        }
      ]
    }
  }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: false
          isBlockUserUploadEnabled: true
        }
      ]
    }
  }
}

@description('The bot\'s resource name.')
output name string = bot.name
