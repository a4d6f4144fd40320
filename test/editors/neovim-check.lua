-- Run after the README's recipe in `nvim --headless`: opens a report, waits for the
-- server's diagnostics, asks for code actions at them, writes what arrived as JSON.
-- With FAZHI_NVIM_EDIT set it then types into a Chinese line and runs the README's
-- :FazhiInsertPart, writing the buffer after each beside the report.
local out = vim.env.FAZHI_NVIM_OUT
local result = { version = vim.version(), diagnostics = {}, actions = {}, waited = false }

local function diagnostics_now()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(list, { lnum = d.lnum, col = d.col, end_col = d.end_col, code = d.code, source = d.source, message = d.message })
  end
  return list
end

--- Waits until the diagnostics differ from `before` (the server has seen the change), then returns them.
local function diagnostics_after(before)
  local seen = vim.fn.json_encode(before)
  local changed = vim.wait(60000, function()
    return vim.fn.json_encode(diagnostics_now()) ~= seen
  end, 100)
  -- Let a second publish (the debounce) settle before reading.
  vim.wait(1500)
  return changed, diagnostics_now()
end

vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.FAZHI_NVIM_FILE))
result.filetype = vim.bo.filetype
result.waited = vim.wait(60000, function()
  return #vim.diagnostic.get(0) > 0
end, 100)
result.diagnostics = diagnostics_now()

-- Code actions at each finding in turn (cursor on it, the range made by Neovim itself) until one offers some.
-- get_clients from 0.10 (get_active_clients is deprecated there), get_active_clients before.
local client = (vim.lsp.get_clients or vim.lsp.get_active_clients)()[1]
result.client = client and client.name or nil
result.offset_encoding = client and client.offset_encoding or nil
for i, d in ipairs(result.diagnostics) do
  if i > 40 or #result.actions > 0 then break end
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  local params = vim.lsp.util.make_range_params(0, client and client.offset_encoding or 'utf-16')
  params.context = { diagnostics = {} }
  local responses = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 10000) or {}
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      table.insert(result.actions, { title = action.title, at = d.code, has_edit = action.edit ~= nil or action.data ~= nil })
    end
  end
end

if vim.env.FAZHI_NVIM_EDIT then
  -- Type into the middle of the Chinese text before a finding: the change goes to the server as an
  -- incremental range in the client's encoding, and what is typed (a character outside the BMP and
  -- a span written with a hyphen) is itself a finding, placed where the server put the text.
  for _, d in ipairs(result.diagnostics) do
    local line = vim.api.nvim_buf_get_lines(0, d.lnum, d.lnum + 1, true)[1]
    local before = line:sub(1, d.col)
    local chars = vim.str_utfindex(before)
    if #before - chars >= 12 then
      local at = vim.str_byteindex(line, math.floor(chars / 2))
      vim.api.nvim_buf_set_text(0, d.lnum, at, d.lnum, at, { vim.env.FAZHI_NVIM_TYPE })
      result.edited = { lnum = d.lnum, byte = at, code = d.code, col = d.col }
      break
    end
  end
  result.edit_seen, result.diagnostics_edited = diagnostics_after(result.diagnostics)
  vim.cmd('write! ' .. vim.fn.fnameescape(vim.env.FAZHI_NVIM_FILE .. '.edited'))

  -- The README's command: the server answers with workspace/applyEdit, which Neovim applies.
  local lines = vim.api.nvim_buf_line_count(0)
  vim.cmd('FazhiInsertPart problems')
  result.command_applied = vim.wait(30000, function()
    return vim.api.nvim_buf_line_count(0) ~= lines
  end, 100)
  result.command_seen, result.diagnostics_commanded = diagnostics_after(result.diagnostics_edited)
  vim.cmd('write! ' .. vim.fn.fnameescape(vim.env.FAZHI_NVIM_FILE .. '.commanded'))
end

local file = io.open(out, 'w')
file:write(vim.fn.json_encode(result))
file:close()
vim.cmd('qall!')
