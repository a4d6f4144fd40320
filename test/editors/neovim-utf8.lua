-- Loaded before the README's recipe in the UTF-8 run: Neovim 0.10 and later offer
-- `general.positionEncodings = { 'utf-8', 'utf-16', 'utf-32' }` and count in what the server
-- answers; Debian's 0.7 does neither, so here it is taught to, the way 0.10 does it, to run the
-- server's UTF-8 positions through a real editor. On 0.10+ this file does nothing.
if vim.fn.has('nvim-0.10') == 0 then
  local start_client = vim.lsp.start_client
  vim.lsp.start_client = function(config)
    config.capabilities = vim.tbl_deep_extend('force', config.capabilities or vim.lsp.protocol.make_client_capabilities(), { general = { positionEncodings = { 'utf-8', 'utf-16', 'utf-32' } } })
    local on_init = config.on_init
    config.on_init = function(client, result)
      client.offset_encoding = result.capabilities.positionEncoding or 'utf-16'
      if on_init then return on_init(client, result) end
    end
    return start_client(config)
  end
end
