-- wrk script for tests/load/run.sh: POSTs Bot Framework message activities to /api/messages with
-- deliveryMode expectReplies, so every reply comes back in the response body and nothing is sent out.
-- It rotates through questions of every kind (answerable, misspelt, off-topic, small talk, a follow-up and one red
-- flag) over a pool of conversations per wrk thread. Usage: wrk -s wrk-messages.lua URL [-- conversations=61]

local questions = {
  "is there a cure?",
  "what is dystonia?",
  "what causes dystonia",
  "how is dystonia treated",
  "can botox injections help with neck dystonia",
  "is dystonia hereditary",
  "what are the symptoms of cervical dystonia",
  "does deep brain stimulation work for dystonia",
  "dystonya tretment options",
  "wat causes dystnia",
  "is it painfull",
  "hello",
  "thanks, that helps",
  "how do I bake sourdough bread",
  "tell me more",
  "my son can't breathe and his throat is closing after the injection",
}

local function json_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
end

local counter = 1

function setup(thread)
  thread:set("thread_id", counter)
  counter = counter + 1
end

local requests = {}
local next_request = 0

function init(args)
  local conversations = tonumber(args[1]) or 61
  local headers = { ["Content-Type"] = "application/json" }
  -- Prebuilt so that wrk spends its CPU on sending, not on Lua; the conversation count is coprime with the
  -- question count, so each conversation hears every question in turn.
  local count = #questions * conversations
  for i = 0, count - 1 do
    local body = string.format(
      '{"type":"message","id":"load-%d-%d","channelId":"emulator","serviceUrl":"http://127.0.0.1:9",' ..
      '"from":{"id":"user-%d-%d"},"recipient":{"id":"bot"},"conversation":{"id":"load-%d-%d"},' ..
      '"text":%s,"deliveryMode":"expectReplies","locale":"en-US"}',
      thread_id, i, thread_id, i % conversations, thread_id, i % conversations,
      json_string(questions[i % #questions + 1]))
    requests[i + 1] = wrk.format("POST", "/api/messages", headers, body)
  end
end

function request()
  next_request = next_request % #requests + 1
  return requests[next_request]
end
