# One image for the API and the worker; docker-compose.yml picks the command.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/package.json ./package.json
# Documents' bytes (STORAGE_URL=file:var/documents): a volume mounts here, owned by the app's user.
RUN mkdir -p /app/var/documents && chown -R node:node /app/var
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
