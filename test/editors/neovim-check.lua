-- Run after the README's recipe in `nvim --headless`: opens a report, waits for the
-- server's diagnostics, asks for code actions at them, writes what arrived as JSON.
local out = vim.env.FAZHI_NVIM_OUT
local result = { version = vim.version(), diagnostics = {}, actions = {}, waited = false }

vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.FAZHI_NVIM_FILE))
result.filetype = vim.bo.filetype
result.waited = vim.wait(60000, function()
  return #vim.diagnostic.get(0) > 0
end, 100)

local diagnostics = vim.diagnostic.get(0)
for _, d in ipairs(diagnostics) do
  table.insert(result.diagnostics, { lnum = d.lnum, col = d.col, end_col = d.end_col, code = d.code, source = d.source, message = d.message })
end

-- Code actions at each finding in turn (cursor on it, the range made by Neovim itself) until one offers some.
local client = vim.lsp.get_active_clients()[1]
result.client = client and client.name or nil
for i, d in ipairs(diagnostics) do
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

local file = io.open(out, 'w')
file:write(vim.fn.json_encode(result))
file:close()
vim.cmd('qall!')
